/** Runs `work` with `fetch` replaced; returns each request it made as `url Authorization` (answered `{}`). */
export function fetchesDuring(work: () => void): string[] {
  const sent: string[] = [];
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(`${String(input)} ${new Headers(init?.headers).get('Authorization')}`);
    return new Response('{}');
  };
  try {
    work();
  } finally {
    window.fetch = original;
  }
  return sent;
}
