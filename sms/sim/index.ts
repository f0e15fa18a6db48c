/** The City of London scenario and its simulation, as the SMS starts them. */
export { createScenario, type ScenarioOptions } from './scenario';
export { startSimulation, type StartOptions } from './start';
export { Simulation, type SimulationOptions } from './simulation';
