import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

/**
 * Why a configured regular expression could take exponential time on a name that almost matches, or
 * undefined when it cannot. JavaScript's engine backtracks: an unbounded repetition inside another
 * repetition, such as `(P+)+`, can split one run of characters in exponentially many ways, and a file
 * named `PPP…x` then hangs every load (30 characters took 12 s, 40 did not finish).
 *
 * The rule is the usual one (no "star height" above one): a `+`, `*` or `{n,}` nested in a repetition that
 * may repeat more than once. An optional group around one (`(?:-\d+)?`) repeats at most once and is fine.
 * It does not catch every slow pattern (`(a|a)*` overlaps by alternation), but it catches the ones people
 * write. The pattern must already be a valid `u`-flag expression.
 */
export function backtrackingRisk(pattern: string): string | undefined {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  let risk: string | undefined;
  visitRegExpAST(ast, {
    onQuantifierEnter(inner) {
      if (risk !== undefined || inner.max !== Infinity) return;
      const outer = enclosingRepetition(inner);
      if (outer)
        risk = `"${inner.raw}" repeats inside "${outer.raw}", so a name that almost matches can take exponential time`;
    },
  });
  return risk;
}

/** The nearest repetition around `node` that may repeat more than once. */
function enclosingRepetition(node: AST.Node): AST.Quantifier | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'Quantifier' && parent.max > 1) return parent;
  }
  return undefined;
}
