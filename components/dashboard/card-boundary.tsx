"use client";
/** A failing card shows its own error, not a blank page: an error boundary per card. */
import { Component, type ReactNode } from "react";

import { msg } from "@/lib/messages";

export class CardBoundary extends Component<{ children: ReactNode; title: string }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (this.state.failed)
      return (
        <p className="alert error" role="alert">
          {msg.common.cardFailed(this.props.title)}
        </p>
      );
    return this.props.children;
  }
}
