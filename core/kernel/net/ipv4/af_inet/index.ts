// net/ipv4/af_inet.c, split by concern: creation and registration (create.ts), release
// (release.ts), bind (bind.ts) and listen (listen.ts).

export { htons, inet_create, inet_init, inet_register_protosw } from './create';
export { inet_release } from './release';
export { inet_bind } from './bind';
export { inet_listen } from './listen';
