/** An AWS error as the WorkSpaces JSON 1.1 protocol sends it. */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** AWS's own wording for a constraint violation, e.g. for Limit or batch sizes. */
export function validationError(field: string, value: unknown, constraint: string): ApiError {
  // AWS prints a missing value as a bare null, any other value quoted.
  const shown =
    value === null || value === 'null' ? 'null' : `'${typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}'`;
  return new ApiError('ValidationException', `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
}

export const invalidParameter = (message: string): ApiError => new ApiError('InvalidParameterValuesException', message);
export const accessDenied = (message: string): ApiError => new ApiError('AccessDeniedException', message);
export const notFound = (id: string): ApiError => new ApiError('ResourceNotFoundException', `The resource ${id} could not be found.`);
