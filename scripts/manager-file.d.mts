import type { Plugin } from 'vite';

export function fromMainExports(file?: string): string[];
export function fromMainModule(names?: string[]): string;
export function takeFromMain(): Plugin;
