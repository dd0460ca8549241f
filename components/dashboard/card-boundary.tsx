"use client";
/** A failing card shows its own error, not a blank page: an error boundary per card. */
import { Component, type ReactNode } from "react";

export class CardBoundary extends Component<{ children: ReactNode; title: string }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (this.state.failed)
      return (
        <p className="alert error" role="alert">
          「{this.props.title}」暂时无法显示，请刷新页面重试。
        </p>
      );
    return this.props.children;
  }
}
