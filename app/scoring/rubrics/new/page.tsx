import Link from "next/link";
import { requireReader } from "@/app/session";
import { roleMay } from "@/lib/auth/permissions";
import { DEFAULT_RUBRIC } from "@/lib/scoring/default-rubric";
import { msg } from "@/lib/messages";
import { RubricEditor } from "../rubric-editor";
import { editorLabels, ruleOptions } from "../labels";

export const dynamic = "force-dynamic";

export default async function NewRubricPage() {
  const user = await requireReader();
  return (
    <>
      <p className="muted">
        <Link href="/scoring/rubrics">{msg.scoring.rubrics.title}</Link>
      </p>
      <h1>{msg.scoring.rubrics.newRubric}</h1>
      <p className="muted">{msg.scoringPage.startFromDefault}</p>
      {roleMay(user, "manage_rubrics") ? (
        <RubricEditor name="" definition={DEFAULT_RUBRIC} rules={ruleOptions} labels={editorLabels} methodLabels={msg.scoring.methodKind} />
      ) : (
        <p className="alert warn">{user ? msg.auth.refused.role("manage_rubrics") : msg.auth.signInRequired}</p>
      )}
    </>
  );
}
