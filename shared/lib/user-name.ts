/**
 * The WorkSpaces user name Deskbridge lists desktops for. AWS's DescribeWorkspaces takes 1 to 63
 * characters (the UserName shape of the WorkSpaces API; test/emulator/aws-limits.test.ts reads
 * the limit from the service model), so a longer name could never list a desktop: AWS would answer
 * ValidationException on every poll. It is refused where it enters instead.
 */
export const USER_NAME_MAX = 63;

export type UserNameProblem = 'empty' | 'tooLong';

export function userNameProblem(name: string): UserNameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > USER_NAME_MAX) return 'tooLong';
  return null;
}

/** What is wrong with the name, in a sentence for the user (never repeating the name itself). */
export function userNameMessage(problem: UserNameProblem, length: number): string {
  return problem === 'empty'
    ? 'The WorkSpaces user name is empty.'
    : `The WorkSpaces user name is ${length} characters long, but AWS WorkSpaces accepts at most ${USER_NAME_MAX}.`;
}
