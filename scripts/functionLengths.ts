/**
 * The longest functions under the given folders (default src), by line count:
 *   npx tsx scripts/functionLengths.ts [--top N] [--over L] [dirs...]
 * Counts each function declaration, method, arrow function and function expression from its
 * first to its last line; a nested function is also counted inside its parent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source)})`;
  return '(anonymous)';
}

export interface FunctionLength {
  file: string;
  name: string;
  lines: number;
}

export function functionLengths(dirs: string[]): FunctionLength[] {
  const out: FunctionLength[] = [];
  for (const dir of dirs)
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          out.push({ file, name: nameOf(node, source), lines: last - first + 1 });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  return out.sort((a, b) => b.lines - a.lines);
}

const args = process.argv.slice(2);
let top = 20;
let over = 0;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--over') over = Number(args[++i]);
  else dirs.push(args[i]!);
}
const rows = functionLengths(dirs.length > 0 ? dirs : ['src']).filter((r) => r.lines > over);
for (const r of rows.slice(0, top))
  console.log(`${String(r.lines).padStart(4)}  ${r.file}  ${r.name}`);
