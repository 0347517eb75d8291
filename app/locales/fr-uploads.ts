// Chaînes françaises des images dans les messages (l’envoi depuis l’éditeur).
const uploads = {
  uploads: {
    label: "Ajouter une image",
    hint: "JPEG, PNG, WebP ou GIF, jusqu’à {{max}} Mo. Elle est réduite à {{side}} pixels sur son plus grand côté et ses données de localisation sont supprimées. Avec JavaScript, vous pouvez aussi coller ou déposer une image dans le texte.",
    button: "Envoyer l’image",
    uploading: "Envoi de l’image…",
    added: "L’image a été ajoutée à votre texte.",
    failed: "L’image n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.",
    errors: {
      empty: "Choisissez une image à envoyer.",
      tooBig: "Ce fichier dépasse {{max}} Mo. Choisissez une image plus légère.",
      type: "Ce fichier n’est pas une image JPEG, PNG, WebP ou GIF. Les autres fichiers (SVG, pages web, documents) sont refusés, quel que soit leur nom.",
      unreadable: "Cette image est illisible. Elle est peut-être endommagée ; essayez-en une autre.",
      tooLarge:
        "Cette image est trop grande : {{width, number}} × {{height, number}} pixels, alors que la limite est de {{maxPixels, number}} pixels, et de {{maxSide, number}} au plus sur un côté. Choisissez une image plus petite.",
      newMember:
        "Les nouveaux membres peuvent inclure au plus {{max}} image par message jusqu’au {{until, datetime}}. Votre texte en contient déjà autant.",
    },
  },
};

export default uploads;
