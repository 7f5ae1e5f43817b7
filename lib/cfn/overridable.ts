/**
 * Lab rules a learner may deploy against, on purpose, after saying so: the labs' "make it fail" exercises (stage 00
 * opens port 22 to watch `sg.no-open-admin-ports` fail). AWS accepts such a template; the rule is the lab's advice.
 * The other lab rules keep checks, cost and clean-up working and are not waived. (No imports: the editor uses it.)
 */
export const OVERRIDABLE_RULES: ReadonlySet<string> = new Set(['scalelab/open-admin-port']);
