/**
 * The authority's decisions on an obligation (extend, waive): one audited transaction each, on a
 * row in the caller's scope, by an authority that does not hold the obligation itself, at the
 * version the caller saw.
 * This file holds what the commands of this folder (one per file) share.
 */

import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';

export type Deps = CommandDeps & { keyring: Keyring };

export type ObligationDecision =
  | { kind: 'extend'; until: string; reason: string; version: number }
  | { kind: 'waive'; reason: string; version: number };
