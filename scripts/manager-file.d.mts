import type { Plugin } from 'vite';

export function barrelExports(file: string): { from: string; names: string[] }[];
export function fromMainExports(files?: string[]): string[];
export function fromMainModule(names: string[], fileName: string): string;
export function inPlaceOf(name: string, real: string, hint: string, replacement: string): Plugin;
export function takeFromMain(): Plugin;
export function takeFromFirstFile(): Plugin;
export function takeFromFirstView(): Plugin;
