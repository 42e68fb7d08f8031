// The views register their commands exactly like the coding commands (errors shown, and rethrown to scripts).
export { registerCommand as registerViewCommand } from '../coding/register-command';
