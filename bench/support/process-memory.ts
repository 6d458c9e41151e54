// The app server's memory, read from /proc (Linux): the process listening on the app's port is found through its
// socket's inode, so it does not matter how the app was started (next start, a custom server, a wrapper shell).

import { readdirSync, readFileSync, readlinkSync } from "node:fs";

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; inode is the 10th field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The pid of the process whose socket listens on `port`, or undefined when /proc cannot tell (another user's). */
export function pidListeningOn(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

export interface ProcessMemory {
  /** Resident set size now, MiB. */
  rssMiB: number;
  /** The highest resident set size since the process started (VmHWM), MiB. */
  peakMiB: number;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
}

/** The app server's pid, or an error that says why it could not be found. */
export function appServerPid(port: number): number {
  const pid = pidListeningOn(port);
  if (pid === undefined) throw new Error(`No process of this user is listening on port ${port} (is the app running, and as this user?).`);
  return pid;
}

/** Samples RSS every `everyMs` until stopped; returns the highest sample. */
export function sampleRss(pid: number, everyMs = 50) {
  let highest = processMemory(pid).rssMiB;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, processMemory(pid).rssMiB);
    } catch {
      // the process ended
    }
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return highest;
    },
  };
}

export const mib = (value: number) => `${Math.round(value)} MiB`;
