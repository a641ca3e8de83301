/** Plays the user's browser on a practice company's consent page (needs only its base URL, so a child process can use it). */
export function consentAt(baseUrl: string, seen: string[] = []): (url: string) => Promise<void> {
  const once = async (url: string) => {
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
    if (!ticket) throw new Error(`no consent form at ${url}: ${html.slice(0, 200)}`);
    const decided = await fetch(`${baseUrl}/connect/oauth2`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket, decision: 'allow' }).toString(),
    });
    const back = decided.headers.get('location');
    if (!back) throw new Error('the consent page did not send the browser back');
    seen.push(back);
    seen.push(await (await fetch(back)).text());
  };
  return async (url) => {
    seen.push(url);
    // A page that fails to load (a dropped connection) is loaded again, as a user presses reload.
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(url);
      } catch (error) {
        if (attempt >= 5 || !(error instanceof TypeError)) throw error;
      }
    }
  };
}
