import { describe, expect, it } from 'vitest';
import { readableCommand, splitWords } from '../../src/tui/shell-words.js';

describe('readableCommand', () => {
  it.each<[string, string]>([
    [
      'curl -X DELETE https\\://api.example.com/v1/items\\?name\\=a%2Fb',
      "curl -X DELETE 'https://api.example.com/v1/items?name=a%2Fb'",
    ],
    ['python3 -c print\\(1\\)', "python3 -c 'print(1)'"],
    ['ls -la', 'ls -la'],
    ["echo it\\'s", "echo 'it'\\''s'"],
    ['echo \\$HOME', "echo '$HOME'"],
    ['rm -rf /tmp/x', 'rm -rf /tmp/x'],
    ['echo $HOME', 'echo $HOME'],
    ['a | b', 'a | b'],
    ['echo "a b" c\\ d', "echo 'a b' 'c d'"],
    ['rm -rf ~/x', 'rm -rf ~/x'],
  ])('%s → %s', (engine, shown) => {
    expect(readableCommand(engine)).toBe(shown);
    // Same words as the engine's text.
    if (shown !== engine) expect(splitWords(shown)).toEqual(splitWords(engine));
  });
});
