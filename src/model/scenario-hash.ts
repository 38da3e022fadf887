/** The scenario's identity in a result: sha256 hex of its RFC 8785 canonical JSON (model.md section 7). */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** sha256 hex of the RFC 8785 canonical JSON of a scenario as the user gave it. */
export function scenarioHash(scenario: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalize(scenario) ?? '')));
}
