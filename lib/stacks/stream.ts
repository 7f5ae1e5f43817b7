/** What /api/stacks/events streams to the stack card. */
export interface StackStreamEvent {
  type: 'progress' | 'done' | 'error';
  status?: string;
  complete?: number;
  total?: number;
  events?: { id: string; at: string; logicalId: string; type: string; status: string; reason: string | null }[];
  rootCause?: { logicalId: string; resourceType: string; reason: string };
  outputs?: { key: string; value: string; description: string | null }[];
  message?: string;
}
