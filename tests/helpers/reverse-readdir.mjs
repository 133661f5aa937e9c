// Preloaded with `node --import` to make every directory listing come back in reverse order, so
// a test can show that the build's output does not depend on the order the file system lists.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const reverse = (list) => (Array.isArray(list) ? [...list].reverse() : list);
const readdirSync = fs.readdirSync;
fs.readdirSync = function (...args) {
  return reverse(readdirSync.apply(this, args));
};
const readdir = fs.readdir;
fs.readdir = function (...args) {
  const callback = args.pop();
  return readdir.call(this, ...args, (error, list) => callback(error, reverse(list)));
};
const readdirPromise = fs.promises.readdir;
fs.promises.readdir = async function (...args) {
  return reverse(await readdirPromise.apply(this, args));
};
syncBuiltinESMExports();
