'use client';
// The schema the review builds from: the one the Parse, Time and Schema steps keep in the draft.
import type { LoadPlan as SchemaPlan } from '@/lib/infer/model';
import type { LoadDraft } from '../draft/draft';

export type ReviewSchema = { readonly status: 'confirmed'; readonly plan: SchemaPlan } | { readonly status: 'none' };

export function reviewSchemaOf(draft: LoadDraft | undefined): ReviewSchema {
  return draft?.schema ? { status: 'confirmed', plan: draft.schema } : { status: 'none' };
}
