import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/index";
import { getRubric } from "@/db/queries/rubrics";
import { requireReader } from "@/app/session";
import { roleMay } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { RubricEditor } from "../../rubric-editor";
import { editorLabels, ruleOptions } from "../../labels";
import { idParam } from "@/app/params";

export const dynamic = "force-dynamic";

export default async function EditRubricPage({ params }: { params: Promise<{ id: string }> }) {
  await requireReader();
  const id = await idParam(params);
  const [rubric, user] = await Promise.all([getRubric(await getDb(), id), requireReader()]);
  if (!rubric) notFound();
  return (
    <>
      <p className="muted">
        <Link href="/scoring/rubrics">{msg.scoring.rubrics.title}</Link> / <Link href={`/scoring/rubrics/${rubric.id}`}>{rubric.name}</Link>
      </p>
      <h1>{msg.scoring.rubrics.edit}</h1>
      <p className="muted">{msg.scoringPage.editNote(msg.scoring.rubrics.version(rubric.version), rubric.version + 1)}</p>
      {roleMay(user, "manage_rubrics") ? (
        <RubricEditor
          id={rubric.id}
          name={rubric.name}
          definition={rubric.definition}
          rules={ruleOptions}
          labels={editorLabels}
          methodLabels={msg.scoring.methodKind}
        />
      ) : (
        <p className="alert warn">{user ? msg.auth.refused.role("manage_rubrics") : msg.auth.signInRequired}</p>
      )}
    </>
  );
}
