// English strings of images in posts (the composer's upload).
const uploads = {
  uploads: {
    label: "Add an image",
    hint: "JPEG, PNG, WebP or GIF, up to {{max}} MB. It is resized to {{side}} pixels on its longest side and its location data is removed. With JavaScript you can also paste or drop an image into the text.",
    button: "Upload image",
    uploading: "Uploading the image…",
    added: "The image was added to your text.",
    failed: "The image could not be sent. Check your connection and try again.",
    errors: {
      empty: "Choose an image to upload.",
      tooBig: "This file is larger than {{max}} MB. Choose a smaller image.",
      type: "This file is not a JPEG, PNG, WebP or GIF image. Other files (SVG, web pages, documents) are refused whatever their name.",
      unreadable: "This image could not be read. It may be damaged; try another one.",
      tooLarge:
        "This image is too large: {{width, number}} × {{height, number}} pixels, and the limit is {{maxPixels, number}} pixels, at most {{maxSide, number}} on a side. Choose a smaller image.",
      newMember:
        "New members can include at most {{max}} image per post until {{until, datetime}}. Your text already has that many.",
    },
  },
};

export default uploads;
