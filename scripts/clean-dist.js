#!/usr/bin/env node
'use strict';
// Removes dist/ before a build, so files of modules that were moved or deleted (a stale
// dist/store/migrations.js beside the new migrations/ folder, say) can never be loaded.
const fs = require('node:fs');
const path = require('node:path');

fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
