import "server-only";
// Test helpers for lib/arm's tests against the ARM stand-in. Not a test file itself, and never imported by the app.

import type { ArmCategory } from "@/lib/categories/category-definition";
import { armCategories } from "@/lib/categories/registry";
import type { CategorySlug } from "@/lib/requests/pending-request";
import { beforeAll, vi } from "vitest";
import type { ArmEmulatorOptions } from "../../stand-ins/arm-emulator/server";
import type { ArmLandmark } from "../../stand-ins/arm-emulator/seed";
import { armHarnessForFile, type ArmHarness } from "../../stand-ins/arm-emulator/test-harness";

/**
 * The ARM stand-in for one test file, with the app pointed at it. ARM_BASE_URL is set before the first serverEnv()
 * call, which caches the configuration.
 */
export function armStandInForApp(options: ArmEmulatorOptions = {}): ArmHarness {
  const harness = armHarnessForFile(options);
  beforeAll(() => {
    vi.stubEnv("ARM_BASE_URL", harness.url);
  });
  return harness;
}

/** A request as the stand-in stores it (its control endpoint `/_arm/state/<kind>`), for checking ARM's side. */
export interface StoredArmRequest {
  name: string;
  scopeId: string;
  principalId: string;
  requestorId: string;
  status: string;
}

export async function storedArmRequests(harness: ArmHarness, kind: "assignment" | "eligibility"): Promise<StoredArmRequest[]> {
  return (await harness.control(`state/${kind}`)).body as StoredArmRequest[];
}

/** The ARM categories as the app holds them: from the registry, typed as lib/arm takes them. */
function armCategory(slug: CategorySlug): ArmCategory<unknown> {
  const category = armCategories().find((c) => c.summary.slug === slug);
  if (!category) throw new Error(`The registry has no ARM category ${slug}.`);
  return category;
}

export const assignmentCategory = armCategory("azure-role-assignment");
export const eligibilityCategory = armCategory("azure-role-eligibility");

export function categoryOf(landmark: Pick<ArmLandmark, "kind">): ArmCategory<unknown> {
  return landmark.kind === "assignment" ? assignmentCategory : eligibilityCategory;
}

/**
 * The app's id of a seeded request, as the category itself writes it (through its own schema and mapper), so the
 * tests do not depend on how the id is encoded.
 */
export function appIdOf(landmark: Pick<ArmLandmark, "kind" | "id" | "name" | "scope" | "status">): string {
  const category = categoryOf(landmark);
  const entity = category.entitySchema.parse({ id: landmark.id, name: landmark.name, properties: { scope: landmark.scope, status: landmark.status } });
  return category.toPendingRequest(entity).id;
}
