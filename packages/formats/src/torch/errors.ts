/** PyTorch errors: messages start with 'PyTorch:' and name the archive entry and byte offset when known. */
import { ModelFormatError } from '../errors.js';

/** Format id used in errors before the file is known to be TorchScript or a state_dict. */
export const TORCH_FORMAT = 'pytorch';

/** A ModelFormatError of the PyTorch importers. */
export function torchError(
  message: string,
  where: { offset?: number; entry?: string; format?: string } = {},
): ModelFormatError {
  const at = [where.entry ? `'${where.entry}'` : '', where.offset !== undefined ? `byte ${where.offset}` : '']
    .filter(Boolean)
    .join(' at ');
  const loc: { offset?: number; fieldPath?: string } = {};
  if (where.offset !== undefined) loc.offset = where.offset;
  if (where.entry !== undefined) loc.fieldPath = where.entry;
  return new ModelFormatError(where.format ?? TORCH_FORMAT, `PyTorch: ${at ? `${at}: ` : ''}${message}`, loc);
}
