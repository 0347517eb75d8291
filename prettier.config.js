// Prettier: 120 columns (the house's line limit), the quotes and commas the code already uses.
export default { printWidth: 120, trailingComma: "all" };
