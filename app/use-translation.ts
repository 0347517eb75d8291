// useTranslation without react-i18next's per-call wrapper (Object.getOwnPropertyDescriptors of the
// whole i18next instance on every first render, i.e. on every server render): the language of a
// page never changes after it is rendered here, so the context's instance is enough.
import { useContext } from "react";
import { I18nContext } from "react-i18next";

export function useTranslation() {
  const { i18n } = useContext(I18nContext);
  return { t: i18n.t, i18n };
}
