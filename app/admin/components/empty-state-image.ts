/**
 * The illustration of the admin's empty states (Polaris `EmptyState` needs an image: until one has loaded it draws a
 * grey placeholder disc under its heading). An inline SVG, so it is there at once, offline and without a request: an
 * empty tray in the admin's greys.
 */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="168" height="128" viewBox="29 52 168 128">
<path d="M58 120l18-46h74l18 46v34a8 8 0 0 1-8 8H66a8 8 0 0 1-8-8z" fill="#fff" stroke="#8a8a8a" stroke-width="4" stroke-linejoin="round"/>
<path d="M58 120h34l6 14h30l6-14h34" fill="none" stroke="#8a8a8a" stroke-width="4" stroke-linejoin="round"/>
<path d="M92 96h42M98 108h30" stroke="#c7c7c7" stroke-width="4" stroke-linecap="round"/>
</svg>`;

export const EMPTY_STATE_IMAGE = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
