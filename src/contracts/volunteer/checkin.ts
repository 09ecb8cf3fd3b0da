// The volunteer function's checkin actions: input schemas and outputs (issue 10).

/** Input schemas of the checkin actions. */
export const volunteerCheckinInputs = {}

/** Outputs of the checkin actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VolunteerCheckinOutputs {}
