import { describe, expect, it } from 'vitest';
import { searchParts } from '../../core/search/parts.ts';

describe('searchParts', () => {
  it('is just this build when unset', () => {
    expect(searchParts('/archive/', undefined)).toEqual(['/archive/']);
    expect(searchParts('/archive', '')).toEqual(['/archive/']);
  });

  it('keeps the configured order, normalises slashes and drops repeats', () => {
    expect(searchParts('/a/2024/', ' /a/2025 , /a/2024/,/a/2025/ ')).toEqual(['/a/2025/', '/a/2024/']);
  });

  it('puts this build first when the list leaves it out', () => {
    expect(searchParts('/a/2023/', '/a/2025/,/a/2024/')).toEqual(['/a/2023/', '/a/2025/', '/a/2024/']);
  });

  it('refuses parts on another origin', () => {
    expect(() => searchParts('/', 'https://elsewhere.example/x/')).toThrow(/BAOKU_SEARCH_PARTS: "https:\/\/elsewhere.example\/x\/"/);
    expect(() => searchParts('/', '//elsewhere.example/x/')).toThrow(/same|origin/);
  });
});
