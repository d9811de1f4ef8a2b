/** The notice as one customer reads it (the server fills the same placeholders the same way). */
export function previewNotice(template: string, name: string, whatChanged: string): string {
  return template.split('{name}').join(name).split('{what_changed}').join(whatChanged);
}
