import lab00 from '@/labs/00-one-user/lab';
import lab01 from '@/labs/01-split-database/lab';
import lab02 from '@/labs/02-high-availability/lab';
import lab03 from '@/labs/03-scale-out/lab';
import lab04 from '@/labs/04-cache-automate-secure/lab';
import lab05 from '@/labs/05-decouple/lab';
import lab06 from '@/labs/06-go-global/lab';
import type { LabMeta, QuizQuestion, StageId } from './types';
import { stageIds } from './types';

/** Every lab's metadata, in journey order. Content lives in labs/; this is the one place that lists it. */
export const labs: readonly LabMeta[] = [lab00, lab01, lab02, lab03, lab04, lab05, lab06].sort(
  (a, b) => a.order - b.order,
);

export function isStageId(value: string): value is StageId {
  return (stageIds as readonly string[]).includes(value);
}

export function getLab(id: StageId): LabMeta {
  const lab = labs.find((l) => l.id === id);
  if (!lab) throw new Error(`No lab metadata for stage ${id} (labs/${id}/lab.ts).`);
  return lab;
}

export function neighbours(id: StageId): { prev?: LabMeta; next?: LabMeta } {
  const i = labs.findIndex((l) => l.id === id);
  return { prev: labs[i - 1], next: labs[i + 1] };
}

/** The quiz as the browser may see it: no answers, no explanations until answered. */
export type PublicQuizQuestion = Omit<QuizQuestion, 'answer' | 'explanation'> & { multiple: boolean };

export function publicQuiz(lab: LabMeta): PublicQuizQuestion[] {
  return lab.quiz.map(({ answer, explanation: _explanation, ...q }) => ({ ...q, multiple: answer.length > 1 }));
}

/** "1", "10+", "1,000+", "10,000,000+" — the milestone the way the talks say it. */
export function formatUsers(users: number, locale: 'en' | 'ko'): string {
  return `${users.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US')}${users > 1 ? '+' : ''}`;
}
