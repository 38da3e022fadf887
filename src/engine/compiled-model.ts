/** The compiled, index-based form of one strategy of a scenario: flat typed arrays the hot loop reads. */
import type { CompiledDist } from '../random/distributions.ts';
import type { CompiledDiversify } from './levers/diversify.ts';
import type { FlowPlan } from './flow-series.ts';

export const STAGE_EXPLORATION = 0;
export const STAGE_EXTRACTION = 1;
export const STAGE_PROCESSING = 2;
export const STAGE_MANUFACTURING = 3;

export const TARGET_NODES = 0;
export const TARGET_LINKS = 1;
export const TARGET_DEMAND = 2;

export const OCCUR_SCRIPTED = 0;
export const OCCUR_POISSON = 1;
export const OCCUR_CORRELATED = 2;
/** a stress test's cut: started by the analysis (stream seed:i:stress), never drawn from the disruption stream */
export const OCCUR_STRESS = 3;

/** A disruption with its targets resolved to node, link or maker indices. */
export interface CompiledDisruption {
  /** position in the scenario's disruptions list (attribution masks use it) */
  fileIndex: number;
  id: string;
  occurrence: number;
  start: CompiledDist | null;
  /** expected new starts per period of a Poisson rule, and exp(-rate) for its inverse CDF */
  ratePerPeriod: number;
  expMinusRate: number;
  /** index in the model's processing order of the parent, for correlated rules */
  parent: number;
  probability: number;
  duration: CompiledDist;
  /** severity, or the change of a demand target */
  magnitude: CompiledDist;
  addedTransit: CompiledDist | null;
  recoveryPeriods: number;
  targetKind: number;
  /** node indices (TARGET_NODES), link indices (TARGET_LINKS) or maker positions (TARGET_DEMAND) */
  targets: Int32Array;
}

/** A project: an exploration node (world stream) or a new-capacity node (its lever's stream). */
export interface CompiledProject {
  node: number;
  successProbability: number;
  /** lead time in months (exploration) or commissioning in months (new capacity) */
  lead: CompiledDist;
  rampPeriods: number;
  /** -1 for exploration projects; else the lever (0-based within the strategy) that builds it */
  lever: number;
}

export interface CompiledModel {
  strategyId: string;
  strategyName: string;
  periodsPerYear: number;
  periods: number;
  horizonMonths: number;

  nodeIds: string[];
  nodeNames: string[];
  nodeCountry: string[];
  stage: Int8Array;
  /** capacity per period */
  cap: Float64Array;
  yld: Float64Array;
  unitCost: Float64Array;
  invOpening: Float64Array;
  invMax: Float64Array;

  /** node indices by role, in file order */
  makers: Int32Array;
  processors: Int32Array;
  /** extraction nodes and projects: they only receive requests */
  mines: Int32Array;
  /** position of a node among the makers, -1 otherwise */
  makerPos: Int32Array;
  projects: CompiledProject[];
  /** per maker, its noise distribution or null */
  makerNoise: (CompiledDist | null)[];

  /** plan window: index t + planOffset for t in [-planOffset, planWidth - planOffset) */
  planOffset: number;
  planWidth: number;
  /** planned demand per maker per period, D(t), makers x planWidth */
  demandPlan: Float64Array;
  /** planned need per node, P_n(t), nodes x planWidth */
  plan: Float64Array;

  linkFrom: Int32Array;
  linkTo: Int32Array;
  /** nominal shares before any diversify lever applies */
  linkShare: Float64Array;
  linkTransit: Int32Array;
  linkRoute: Int32Array;
  /** links of each buyer: buyerLinks[buyerStart[n] .. buyerStart[n + 1]) */
  buyerStart: Int32Array;
  buyerLinks: Int32Array;
  /** links of each source */
  sellerStart: Int32Array;
  sellerLinks: Int32Array;
  maxTransit: number;
  /** anticipation g of each link's buyer over the link's transit, links x (maxTransit + periods), index t + maxTransit */
  anticipation: Float64Array;

  /** in processing order: each correlated child after its parent */
  disruptions: CompiledDisruption[];
  /**
   * Cuts a stress test may apply to a lane (severity 1 for stressPeriods from a start drawn per trial),
   * each resolved like a disruption's target; empty outside stress tests.
   */
  stressCuts: CompiledDisruption[];
  stressPeriods: number;
  /** flow series between countries (set by compileRun when asked for): groups, planned flows, and per link the groups it feeds */
  flowPlan: FlowPlan | null;
  flowLinkStart: Int32Array;
  flowLinkGroups: Int32Array;
  disruptionCount: number;

  capex: number;
  opexTotal: number;

  /** number of levers of the strategy; lever k draws from stream `seed:i:levers:k` */
  leverCount: number;
  /** per lever, whether it draws from its stream (a recycling rate, a commissioning time, new makers' noise) */
  leverStream: Uint8Array;
  /** per maker position, the newCapacity lever that builds it, or -1 for the scenario's own makers */
  makerLever: Int32Array;
  /** levers with a draw: recycling rates and commissioning times, in lever order */
  leverDraws: { lever: number; kind: 'recycling' | 'commissioning'; dist: CompiledDist }[];
  /** diversify levers in lever order; the plan uses their shares */
  diversify: CompiledDiversify[];
  /** stockpile per node: size (units; 0 none), refill per period, holding cost per unit per period */
  stockMax: Float64Array;
  stockRefill: Float64Array;
  stockHolding: Float64Array;
  /** flexibility by buyer stage index: fraction (0 none) and delay in periods */
  flexFraction: Float64Array;
  flexDelay: Int32Array;
  /** recycling levers */
  recycling: { lever: number; nodes: Int32Array; lag: number; ramp: number }[];
  /** total planned demand for t in [-recycleLagMax, 0), index t + recycleLagMax */
  recycleLagMax: number;
  demandBefore: Float64Array;
  /** substitution per maker position: fraction (0 none) and delay in periods */
  subFraction: Float64Array;
  subDelay: Int32Array;
}
