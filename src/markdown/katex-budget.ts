import katex from 'katex';

/**
 * Bounds on one formula, so that a few bytes of TeX cannot hold a build for minutes. KaTeX's
 * own `maxExpand` counts macro expansions, but an expansion that pastes its argument several
 * times multiplies tokens without counting them; the token budget below closes that gap.
 */
export const FORMULA_BUDGET = {
  /** Characters of TeX in one formula. */
  maxSource: 20_000,
  /** Tokens that macro expansion may produce in one formula. */
  maxExpandedTokens: 50_000,
  /** Characters of HTML one formula may render to. */
  maxOutput: 2_000_000,
} as const;

interface Expander {
  pushTokens(tokens: unknown[]): void;
  folioTokens?: number;
}

let installed = false;

/**
 * Counts the tokens KaTeX's macro expander pushes and stops the formula past the budget. The
 * expander is not exported, so a probe macro reaches its prototype once per process.
 */
export function installTokenBudget(): void {
  if (installed) return;
  installed = true;
  let proto: Expander | undefined;
  katex.renderToString('\\folioProbe', {
    macros: {
      '\\folioProbe': (context: object) => {
        proto = Object.getPrototypeOf(context) as Expander;
        return '';
      },
    },
  });
  if (!proto || typeof proto.pushTokens !== 'function') throw new Error('KaTeX changed: cannot bound macro expansion');
  const push = proto.pushTokens;
  proto.pushTokens = function (this: Expander, tokens: unknown[]) {
    this.folioTokens = (this.folioTokens ?? 0) + tokens.length;
    if (this.folioTokens > FORMULA_BUDGET.maxExpandedTokens) {
      throw new katex.ParseError(`macros expand to more than ${FORMULA_BUDGET.maxExpandedTokens.toLocaleString('en')} tokens`);
    }
    push.call(this, tokens);
  };
}

/** Why the TeX is refused before rendering, or undefined. */
export function sourceOverBudget(tex: string): string | undefined {
  return tex.length > FORMULA_BUDGET.maxSource ? `the formula is ${tex.length.toLocaleString('en')} characters long; the limit is ${FORMULA_BUDGET.maxSource.toLocaleString('en')}` : undefined;
}
