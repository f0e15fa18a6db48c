/** The City of London scenario and its simulation, as the SMS starts them. */
export { createScenario, type ScenarioOptions } from './scenario';
export { PREROLL_HOURS, prerollCity, type PrerollOptions, type Prerolled } from './preroll';
export { startSimulation, type StartOptions } from './start';
export { DEMO_PACE, type DemoPace } from './workload/demoPace';
export { Simulation, type SimulationOptions } from './simulation';
