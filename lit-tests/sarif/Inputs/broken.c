/* Does not parse (notifications.test). */
int broken( {
