/**
 * The domain errors of the server: the one definition is in shared/errors.ts (pure, so that the
 * shared date arithmetic throws the same DomainError the error handler maps to a status).
 */
export * from '../../shared/errors.ts';
