/**
 * `takt enrol`: creates this terminal's credentials at central and saves them in terminal.json.
 */
import { DEFAULT_CENTRAL_PORT, enrolTerminal } from '../../main/bootstrap';
import { configPath, loadConfig, resolveDataDir } from '../../main/config';
import { httpUrl, parse, UsageError } from '../args';
import { line, type CliIo } from '../io';

export const help = `Usage: takt enrol --workstation WS-ID [options]

Enrols this terminal with central (POST /api/v1/terminals) using TAKT_ADMIN_TOKEN and saves the
terminal id and token in the data directory.

Options:
  --workstation WS-ID  workstation this terminal serves (required)
  --central URL        central service (default: the configured one, else http://127.0.0.1:${DEFAULT_CENTRAL_PORT})
  --data DIR           terminal data directory (default: TAKT_DATA_DIR, else ./.takt)
  -h, --help           show this help
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    workstation: { type: 'string' },
    central: { type: 'string' },
    data: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (!values.workstation) throw new UsageError('--workstation is required, e.g. takt enrol --workstation WS-M1-01');
  const adminToken = process.env.TAKT_ADMIN_TOKEN;
  if (!adminToken) {
    line(io.stderr, 'TAKT_ADMIN_TOKEN is not set: enrolling a terminal needs central\u2019s admin token.');
    return 2;
  }
  const dataDir = resolveDataDir({ flag: values.data });
  const config = await loadConfig(dataDir);
  const centralUrl = httpUrl(values.central, '--central') ?? config.centralUrl ?? `http://127.0.0.1:${DEFAULT_CENTRAL_PORT}`;
  const saved = await enrolTerminal({ dataDir, config, centralUrl, workstationId: values.workstation, adminToken: adminToken.trim(), embeddedCentral: false });
  line(io.stdout, `Terminal: ${saved.terminalId ?? ''}`);
  line(io.stderr, `Enrolled workstation ${values.workstation} with ${centralUrl}; credentials saved in ${configPath(dataDir)}.`);
  return 0;
}
