/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/preact';
import { TrustedHosts } from '../../../popup/options/TrustedHosts';

describe('TrustedHosts', () => {
  it('lists each confirmed origin with a way to forget it', () => {
    const onForget = jest.fn();
    render(<TrustedHosts origins={['http://127.0.0.1:5000', 'https://sts.corp.example']} onForget={onForget} />);
    fireEvent.click(screen.getByRole('button', { name: 'Forget https://sts.corp.example' }));
    expect(onForget).toHaveBeenCalledWith('https://sts.corp.example');
  });

  it('shows nothing while no origin is confirmed', () => {
    const { container } = render(<TrustedHosts origins={[]} onForget={jest.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
