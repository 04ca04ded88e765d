// Package places is Chronomap's gazetteer: an offline list of the world's
// populated places and countries, embedded in the binary, and the
// geocoding that turns a place name as an analyst's source writes it —
// "Moskau", "Ереван", "León" with "Nicaragua" beside it, "Gyumri, Armenia"
// — into coordinates, with a confidence and the other places it could have
// meant.
//
// The data (GeoNames populated places of 5,000 people or more plus every
// capital and regional seat, with their alternate names; countries from
// Natural Earth and i18n-iso-countries) is written by
// assets/gazetteer/gen.go and loaded lazily, on the first call that needs
// it.
package places
