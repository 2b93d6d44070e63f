import { ApiError, invalidParameter, notFound, validationError } from './errors';
import { type Input, reqList } from './input';
import type { OpContext, Operation } from './context';
import type { WorkspaceRecord } from './types';

const MAX_TAGS = 50;

function taggedWorkspace(input: Input, ctx: OpContext): WorkspaceRecord {
  const id = input['ResourceId'];
  if (typeof id !== 'string' || id.length === 0) throw invalidParameter('ResourceId is required.');
  const ws = ctx.store.get(id);
  // The emulator tags WorkSpaces only; directories and the rest are not modelled.
  if (ws === undefined) throw notFound(id);
  return ws;
}

function tagOf(item: unknown, i: number): { Key: string; Value: string } {
  const tag = typeof item === 'object' && item !== null ? (item as Input) : {};
  const key = tag['Key'];
  const value = tag['Value'] ?? '';
  if (typeof key !== 'string' || key.length < 1 || key.length > 127)
    throw validationError(`tags.${i + 1}.member.key`, key ?? 'null', 'Member must have length between 1 and 127');
  if (typeof value !== 'string' || value.length > 255)
    throw validationError(`tags.${i + 1}.member.value`, value, 'Member must have length less than or equal to 255');
  if (key.toLowerCase().startsWith('aws:')) throw invalidParameter('Tag keys starting with aws: are reserved.');
  return { Key: key, Value: value };
}

export const createTags: Operation = (input, ctx) => {
  const ws = taggedWorkspace(input, ctx);
  const tags = reqList(input, 'Tags', 1, MAX_TAGS).map(tagOf);
  const keys = new Set(tags.map((t) => t.Key));
  const merged = [...ws.tags.filter((t) => !keys.has(t.Key)), ...tags];
  if (merged.length > MAX_TAGS) throw new ApiError('ResourceLimitExceededException', `A WorkSpaces resource can have at most ${MAX_TAGS} tags.`);
  ws.tags = merged;
  return {};
};

export const deleteTags: Operation = (input, ctx) => {
  const ws = taggedWorkspace(input, ctx);
  const keys = reqList(input, 'TagKeys', 1, MAX_TAGS).map((k) => (typeof k === 'string' ? k : ''));
  ws.tags = ws.tags.filter((t) => !keys.includes(t.Key));
  return {};
};
