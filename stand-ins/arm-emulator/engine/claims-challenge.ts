// Continuous Access Evaluation claims challenges (contract "Errors": ARM issues them like Graph), switched on by
// tests with POST /_arm/claims-challenge. The demands, their matching and the `claims` parameter are the Graph
// emulator's (imported, so the two stand-ins challenge alike); only the 401 differs: ARM's CloudError and its
// WWW-Authenticate form (engine/auth.ts).

import { CAE_CHALLENGE_MESSAGE, claimsParameter } from "../../graph-emulator/engine/claims-challenge";
import { armChallenge } from "./auth";
import { ArmError } from "./cloud-error";

export { ClaimsChallenges, claimsDemandSchema } from "../../graph-emulator/engine/claims-challenge";

export function armClaimsChallenge(issuer: string, authContext: string): ArmError {
  const extra = `, claims="${claimsParameter(authContext)}"`;
  return new ArmError(401, "InvalidAuthenticationToken", CAE_CHALLENGE_MESSAGE, armChallenge(issuer, "insufficient_claims", CAE_CHALLENGE_MESSAGE, extra));
}
