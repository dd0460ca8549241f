import { NotFoundCard } from "@/components/layout/not-found-card";
import { msg } from "@/lib/messages";

export default function NotFound() {
  return <NotFoundCard what={msg.notFound.rubric} />;
}
