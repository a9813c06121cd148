/**
 * A set of words written as one blank-separated string (`'-e -c -f'`): how the readers'
 * option and verb tables are spelled. Pure.
 */
export const wordSet = (s: string): Set<string> => new Set(s.split(' '));
