// The volunteer function's slots actions: input schemas and outputs (issue 10).

/** Input schemas of the slots actions. */
export const volunteerSlotsInputs = {}

/** Outputs of the slots actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VolunteerSlotsOutputs {}
