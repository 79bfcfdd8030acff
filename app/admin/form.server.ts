import { PayloadTooLargeError, payloadTooLargeResponse, readBodyBytes } from "~/http/body-limit.server";

/**
 * An admin page action's form (urlencoded or multipart), read within the page's body limit. Throws the answer
 * otherwise: 413 PAYLOAD_TOO_LARGE over the limit, 400 INVALID_INPUT for a body that is no form (JSON, broken
 * multipart) — never the parser's error as a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(request);
  } catch (error) {
    throw error instanceof PayloadTooLargeError ? payloadTooLargeResponse(error.limit) : error;
  }
  try {
    const headers = { "Content-Type": request.headers.get("Content-Type") ?? "" };
    return await new Response(Buffer.from(bytes), { headers }).formData();
  } catch {
    throw Response.json(
      { ok: false, error: { code: "INVALID_INPUT", message: "The body must be a form (urlencoded or multipart)." } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
}
