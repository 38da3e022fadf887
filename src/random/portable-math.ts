/**
 * exp, log and pow computed the same way in every JavaScript engine. Math.exp and friends may
 * differ in the last bit between Node's V8 and a browser's, which would break "same scenario and
 * seed, same numbers, in the app and in the CLI"; these are stdlib's pure-JS ports of FreeBSD's
 * msun (fdlibm), built only from + - * / and bit operations, which IEEE 754 fixes exactly.
 */
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import pow from '@stdlib/math-base-special-pow';

export { exp, ln as log, pow };
