/** The platform's name as the header, the login page and the document title show it. */
export const PLATFORM_NAME = '统筹 · 政务信息化项目管理平台';

/** For narrow screens. */
export const SHORT_NAME = '统筹';

/** The browser tab's title for a page: the page first, so tabs tell pages apart. */
export function documentTitle(pageName?: string): string {
  return pageName ? `${pageName} - ${PLATFORM_NAME}` : PLATFORM_NAME;
}
