# Request Desk's production image, after Next's with-docker example (standalone output). It cannot be built on the
# developers' machines (no Docker engine, no registry but npm's), so it is kept buildable in principle and was never
# run: see docs/deploy.md. What it ships is exactly what the tests run: .next/standalone from `npm run build`.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    # In a container the platform's network is the boundary; outside one the server keeps to loopback.
    HOST=0.0.0.0 \
    PORT=3000
# The standalone tree holds the server, the traced node_modules, the browser assets and public/.
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "request-desk-server.mjs"]
