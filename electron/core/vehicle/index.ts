export { Vehicle, vehicleKey } from './vehicle';
export { Fleet, LINK_LOST_MS, type FleetListener, type FleetOptions } from './fleet';
export { autopilotOf, kindOf, isAutopilotHeartbeat } from './identity';
export { modeName, modeNumber, modeTableFor } from './modes';
export { telemetryRequests, homeRequest, ARDUPILOT_STREAM_RATES, type OutgoingMessage } from './stream-requests';
export { REDUCERS } from './reducers';
