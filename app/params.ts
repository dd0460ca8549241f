/**
 * Numbers from the address, read the same way on every route: an id in the path (a malformed one
 * is the segment's not-found page, never an error) and optional numbers in the query (a malformed
 * one reads as not given, so a mangled link still opens the page).
 */
import { notFound } from "next/navigation";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();
const optionalPositiveInt = positiveInt.optional().catch(undefined);

/** The `[id]` of a route's path. */
export async function idParam(params: Promise<{ id: string }>): Promise<number> {
  const id = positiveInt.safeParse((await params).id);
  if (!id.success) notFound();
  return id.data;
}

/** An optional positive number from the query (`?version=3`, `?scan=12`, `?region=5`). */
export const optionalId = (value: unknown): number | undefined => optionalPositiveInt.parse(value);
