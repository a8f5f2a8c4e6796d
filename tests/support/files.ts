// Files as a browser sends them with a form: a small real image and a minimal PDF.
import sharp from "sharp";

/** A 40×30 image, PNG or JPEG by the name's extension. */
export async function imageFile(name: string): Promise<File> {
  const jpeg = /\.jpe?g$/i.test(name);
  const image = sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366aa" } });
  const data = await (jpeg ? image.jpeg() : image.png()).toBuffer();
  return new File([new Uint8Array(data)], name, { type: jpeg ? "image/jpeg" : "image/png" });
}

export const pdfFile = (name = "plan.pdf") =>
  new File(["%PDF-1.4\n%%EOF\n"], name, { type: "application/pdf" });
